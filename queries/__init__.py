"""The prebuilt questions: one ``.cypher`` file each, read by :mod:`pmkg.graph.questions`."""
