__all__ = []
import os
