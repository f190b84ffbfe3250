"""Answers about maps: acceptability labels, statistics, stances, search, reading views.

The entry point most callers need is :func:`argmap.analysis.semantics.label`::

    from argmap.analysis.semantics import label
    labelling = label(project)                 # grounded semantics
    labelling.labels[ref]                      # Label.IN / OUT / UNDEC
    labelling.explain(ref)                     # "OUT: attacked by x, which is IN"
"""
