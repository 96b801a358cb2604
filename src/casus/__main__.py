"""``python -m casus``."""

import sys

from casus.cli.app import main

sys.exit(main())
