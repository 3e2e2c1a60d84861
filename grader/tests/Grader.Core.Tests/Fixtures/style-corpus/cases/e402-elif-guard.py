import sys
if sys.platform == "a":
    x = 1
elif sys.platform == "b":
    x = 2
import os
