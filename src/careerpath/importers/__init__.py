"""Importers: datasets made from other sources (the O*NET database, spreadsheets).

The core of each import returns roles and moves and raises DataError listing
every problem; nothing here touches the terminal.
"""
