import sys
if sys.version_info >= (3, 8):
    import json
else:
    json = None
import os
