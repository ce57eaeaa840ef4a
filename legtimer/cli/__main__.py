"""`python -m legtimer.cli`: the same as the `legtimer` command."""

import sys

from legtimer.cli import main

sys.exit(main())
