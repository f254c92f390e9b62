"""``python -m gongwen.cli``: the command as the console script runs it."""
import sys

from . import main

sys.exit(main())
