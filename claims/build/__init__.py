"""Building the database: reading the corpus, the schema, what a rebuild carries over, figures
clustered at build time, progress and watching."""
