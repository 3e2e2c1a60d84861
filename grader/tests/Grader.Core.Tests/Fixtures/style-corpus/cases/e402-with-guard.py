import warnings
with warnings.catch_warnings():
    import json
import os
