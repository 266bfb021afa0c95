// title: Hvilke dokumenter og citater nævner noget? | Which documents and quotes mention an entity?
// description: Hvert sted en person, organisation, et initiativ, møde eller emne optræder i referaterne: dokument, dato, citat, position og hvilke fakta citatet belægger. | Every place a person, organisation, initiative, meeting or theme appears in the minutes: document, date, quote, position and the facts the quote supports.
// param entity: entity -- Person, organisation, initiativ ... | Person, organisation, initiative ...
// result: table
MATCH (e:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $entity})-[r WHERE r.rejected IS NULL]-(x)
WHERE r.doc IS NOT NULL AND size(coalesce(r.quotes, [])) > 0
MATCH (d:Document {id: r.doc})
UNWIND range(0, size(r.quotes) - 1) AS i
WITH d, r, x, r.quotes[i] AS quote, r.starts[i] AS start, r.ends[i] AS end
WHERE quote IS NOT NULL AND trim(quote) <> ''
WITH d, quote, start, end,
     collect(DISTINCT CASE WHEN x:Document THEN type(r) ELSE type(r) + ' ' + x.name END) AS facts
RETURN d.name AS document, d.date AS date, d.source AS source, quote, start, end, facts, d.id AS document_id
ORDER BY date DESC, document, start
LIMIT 1000
