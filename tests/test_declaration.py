"""One declaration of a statistic: extraction's Statistic fields, the schema's columns, the
row writer, export and trace agree, so a new field cannot be written in one place and lost
in another."""
import dataclasses

from claims.build.build import statistic_fields
from claims.query.export import EXPORT_FIELDS
from claims.query.matching import STATEMENT_FIELDS
from claims.build.schema import TABLES
from extract import Statistic

# what the database adds to a statistic, and what export and trace join from elsewhere
DATABASE_COLUMNS = {"id", "document_id", "passage_id", "file", "source_id", "file_start", "file_end",
                    "document_kind", "published", "figure_id", "subject_id", "scope", "series_id"}
JOINED = {"document_title", "published", "document_url", "page", "document_id", "statistic_id",
          "publisher", "is_origin", "repeats", "citations"}
# what check and trace derive from a statistic's columns: its series and its figure's place in its sentence
DERIVED = {"series", "highlight"}


def test_schema_columns_are_extractions_fields_and_the_databases():
    extracted = {f.name for f in dataclasses.fields(Statistic)} - {"passage"}
    columns = set(TABLES["statistics"]["columns"])
    assert columns == extracted | DATABASE_COLUMNS


def test_row_writer_writes_every_field_extraction_declares():
    stat = Statistic(**{f.name: None for f in dataclasses.fields(Statistic)})
    assert set(statistic_fields(stat)) == {f.name for f in dataclasses.fields(Statistic)} - {"passage"}


def test_export_and_trace_fields_are_columns_or_joined():
    columns = set(TABLES["statistics"]["columns"])
    assert set(EXPORT_FIELDS) <= columns | JOINED
    assert set(STATEMENT_FIELDS) <= columns | JOINED | DERIVED
    for field in ("measure", "direction", "unit_detail", "metric", "source", "period"):
        assert field in EXPORT_FIELDS
