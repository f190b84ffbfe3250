"""The argmap explorer: a Textual app over a set of maps.

Only this package imports Textual; the model and loader stay free of it so
that ``argmap check`` starts fast and runs anywhere.
"""
