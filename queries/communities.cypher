// title: Hvilke grupperinger er der i netværket? | Which communities are there in the network?
// description: Grupper af personer, organisationer og initiativer der hænger tættere sammen indbyrdes end med resten (Louvain-modularitet, fast seed så svaret er det samme hver gang). | Groups of people, organisations and initiatives more tightly linked among themselves than with the rest (Louvain modularity, fixed seed so the answer is the same every time).
// param top: int default=20 min=1 max=500 -- Antal grupper | How many groups
// result: graph
// analytic: communities
