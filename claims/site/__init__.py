"""The site: its Datasette configuration, the page data and charts its plugins show, and a
server for tests and benchmarks."""
