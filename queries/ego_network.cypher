// title: Hvem er i nærheden af en person eller organisation? | Who is near a person or organisation?
// description: Ego-netværket: alt inden for et antal skridt fra den valgte, med hvor langt væk hver er. | The ego network: everything within a number of steps from the chosen one, with how far away each is.
// param entity: entity -- Person, organisation ... | Person, organisation ...
// param radius: int default=2 min=1 max=4 -- Skridt | Steps
// param limit: int default=200 min=1 max=1000 -- Højst enheder (de nærmeste) | At most entities (the nearest)
// result: graph
// analytic: ego_network
