"""hemiplan: an analytical book on the OAS Secretariat for Multidimensional
Security's annual reports on the Hemispheric Plan of Action against Transnational
Organized Crime. Modules: paths, schema, csvio, validate, data, report, entities,
numbers, ingest, analysis, figures, tables, maps, build, cli."""
__version__ = "0.1.0"
