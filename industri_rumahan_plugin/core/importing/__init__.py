"""Bringing the offices' spreadsheets in (and back out): pure core, pandas only.

``headers`` matches column headers to schema fields, ``values`` parses numbers, booleans and
text, ``coordinates`` parses lat/lon, ``catalogue_match`` maps spellings to catalogue codes,
``villages`` finds village centroids, ``pipeline`` puts it together into records and a
validation report, ``tables`` reads and writes XLSX/CSV.
"""
