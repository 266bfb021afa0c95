// title: Hvilke strategiske emner blev rejst, og hvor ofte? | Which strategy themes were raised, and how often?
// description: Emner pr. møde og hvor mange punkter der rejste hvert emne over tid, med eksempler på punkterne. | Themes per meeting and how many points raised each theme over time, with example points.
// param theme: theme optional -- Emne | Theme
// param body: organization optional -- Organ | Body
// result: chart:date,times,theme
CALL () {
  MATCH (m:Meeting)-[r:RAISED]->(t:Theme {id: $theme}) RETURN m, r, t
  UNION ALL
  MATCH (:Organization {id: $body})<-[:HELD_BY]-(m:Meeting)-[r:RAISED]->(t:Theme) WHERE $theme IS NULL
  RETURN m, r, t
  UNION ALL
  MATCH (m:Meeting)-[r:RAISED]->(t:Theme) WHERE $theme IS NULL AND $body IS NULL RETURN m, r, t
}
WITH m, r, t WHERE $body IS NULL OR EXISTS { (m)-[:HELD_BY]->(:Organization {id: $body}) }
WITH m, t, count(r) AS times, collect(r.text)[0..3] AS points
RETURN m.date AS date, m.name AS meeting, t.name AS theme, t.label_en AS theme_en, times, points,
       t.id AS theme_id, m.id AS meeting_id
ORDER BY date, theme
LIMIT 2000
