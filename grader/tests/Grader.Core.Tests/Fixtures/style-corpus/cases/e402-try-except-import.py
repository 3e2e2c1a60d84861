try:
    import json
except ImportError:
    json = None
import os
