// title: Hvordan udvikler tallene sig over tid? | How do the figures develop over time?
// description: Tal nævnt i referaterne (f.eks. antal genomer i den nationale database) efter dato og enhed, med citat og referat. | Figures stated in the minutes (e.g. genomes in the national database) by date and unit, with the quote and the minutes.
// param unit: text optional -- Enhed | Unit
// choices unit: MATCH (f:Figure) WHERE f.unit IS NOT NULL RETURN DISTINCT f.unit AS id, f.unit AS name ORDER BY name LIMIT 500
// param about: entity optional -- Om | About
// param limit: int default=200 min=1 max=5000 -- Højst tal (de nyeste) | At most figures (the newest)
// result: chart:date,value,unit
CALL () {
  MATCH (f:Figure)-[rj1:ABOUT WHERE rj1.rejected IS NULL]->(:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $about})
  RETURN f
  UNION ALL
  MATCH (f:Figure) WHERE $about IS NULL RETURN f
}
WITH f WHERE $unit IS NULL OR f.unit = $unit
OPTIONAL MATCH (m:Meeting)-[r:REPORTED WHERE r.rejected IS NULL]->(f)
WITH f, m, r, coalesce(f.date, m.date) AS date
ORDER BY date DESC LIMIT $limit
OPTIONAL MATCH (d:Document {id: r.doc})
RETURN date, f.value AS value, f.unit AS unit, f.name AS text,
       COLLECT { MATCH (f)-[rj2:ABOUT WHERE rj2.rejected IS NULL]->(e) RETURN e.name } AS about,
       m.name AS meeting, d.name AS document, r.quotes[0] AS quote, f.id AS figure_id
ORDER BY date, unit, value
LIMIT $limit
