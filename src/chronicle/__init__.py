"""Chronicle: a sourced, queryable record of who did what to whom, from news coverage."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
