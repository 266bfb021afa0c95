// title: Hvilke strategiske emner blev rejst, og hvor ofte? | Which strategy themes were raised, and how often?
// description: Hvor mange punkter der rejste hvert emne pr. måned, kvartal eller år. | How many points raised each theme per month, quarter or year.
// param theme: theme optional -- Emne | Theme
// param body: organization optional -- Organ | Body
// param per: text default=quarter -- Pr. måned, kvartal eller år | Per month, quarter or year
// choices per: UNWIND ['month', 'quarter', 'year'] AS per RETURN per AS id, per AS name LIMIT 3
// result: chart:period,times,theme
// Counted per period, not per meeting, so the chart stays readable (and the answer small) over years of
// minutes; the meetings question lists each meeting's themes.
// RAISED always ends at a Theme, so the far end is not label-checked (one check per point saved); with
// no filter the points are read from the themes' side, where Neo4j keeps them grouped by type.
CALL () {
  MATCH (m:Meeting)-[:RAISED]->(t:Theme {id: $theme})
  WHERE $body IS NULL OR EXISTS { (m)-[:HELD_BY]->(:Organization {id: $body}) }
  RETURN m.date AS date, t
  UNION ALL
  MATCH (:Organization {id: $body})<-[:HELD_BY]-(m:Meeting) WHERE $theme IS NULL
  WITH m.date AS date, m MATCH (m)-[:RAISED]->(t) RETURN date, t
  UNION ALL
  MATCH (t:Theme) WHERE $theme IS NULL AND $body IS NULL
  MATCH (t)<-[:RAISED]-(m) RETURN m.date AS date, t
}
WITH t, CASE $per
  WHEN 'year' THEN substring(date, 0, 4)
  WHEN 'month' THEN substring(date, 0, 7)
  ELSE substring(date, 0, 4) + '-Q' + toString((toInteger(substring(date, 5, 2)) + 2) / 3)
END AS period
WHERE period IS NOT NULL
WITH period, t, count(*) AS times
RETURN period, t.name AS theme, t.label_en AS theme_en, times, t.id AS theme_id
ORDER BY period, theme
LIMIT 5000
