import sys

from pmkg.cli import main

sys.exit(main())
