"""Documents people hand on: briefing notes, change tables and answers, as Markdown, DOCX and PDF.

``model`` is the format-free document (sections of cited items and tables, numbered notes); one module
per output format renders it (``markdown``, ``docx``, ``pdf``), like followthemoney's exporters, and
``briefing``, ``changes`` and ``answer`` make the document from the graph's data.
"""
