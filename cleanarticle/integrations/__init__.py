"""Adapters to other frameworks; each needs its own optional extra (``cleanarticle[NAME]``).

- :mod:`cleanarticle.integrations.datatrove`: a datatrove pipeline step
  (``pip install 'cleanarticle[datatrove]'``).
"""
