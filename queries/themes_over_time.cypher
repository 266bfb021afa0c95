// title: Hvilke strategiske emner blev rejst, og hvor ofte? | Which strategy themes were raised, and how often?
// description: Hvor mange punkter der rejste hvert emne pr. måned, kvartal eller år. | How many points raised each theme per month, quarter or year.
// param theme: theme optional -- Emne | Theme
// param body: organization optional -- Organ | Body
// param per: text default=quarter -- Pr. måned, kvartal eller år | Per month, quarter or year
// choices per: UNWIND ['month', 'quarter', 'year'] AS per RETURN per AS id, per AS name LIMIT 3
// result: chart:period,times,theme
// packed: period, times
// Counted per period, not per meeting, so the chart stays readable (and the answer small) over years of
// minutes; the meetings question lists each meeting's themes.
// Without a body, the counts come from the monthly tally the loader keeps on each theme (graph/store.py,
// TALLY), not from every point of every meeting; a body's meetings are few enough to count directly.
// One row per theme, its periods and counts as lists (unpacked into a row per period by pmkg).
CALL () {
  MATCH (t:Theme) WHERE $body IS NULL AND ($theme IS NULL OR t.id = $theme) AND t.raised_months IS NOT NULL
  UNWIND range(0, size(t.raised_months) - 1) AS i
  RETURN t, t.raised_months[i] AS month, t.raised_points[i] AS points
  UNION ALL
  MATCH (:Organization {id: $body})<-[rj1:HELD_BY WHERE rj1.rejected IS NULL]-(m:Meeting)
  WITH substring(m.date, 0, 7) AS month, m
  MATCH (m)-[rj2:RAISED WHERE rj2.rejected IS NULL]->(t) WHERE $theme IS NULL OR t.id = $theme
  RETURN t, month, 1 AS points
}
WITH t, points, CASE $per
  WHEN 'year' THEN substring(month, 0, 4)
  WHEN 'month' THEN month
  ELSE substring(month, 0, 4) + '-Q' + toString((toInteger(substring(month, 5, 2)) + 2) / 3)
END AS period
WHERE period IS NOT NULL
WITH t, period, sum(points) AS times ORDER BY period
WITH t, collect(period) AS period, collect(times) AS times
RETURN period, t.name AS theme, t.label_en AS theme_en, times, t.id AS theme_id
ORDER BY theme
LIMIT 5000
