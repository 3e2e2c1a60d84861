from typing import List
__all__: List[str] = []
import os
