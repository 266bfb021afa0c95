"""``python -m pmkg.cli``: the same as the ``pmkg`` command."""

import sys

from pmkg.cli import main

sys.exit(main())
