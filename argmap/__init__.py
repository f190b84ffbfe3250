"""argmap: map, check, explore and draw the arguments in opinion pieces."""

from .model import ArgMap, Node, Project, Ref
from .project import LoadResult, load

__all__ = ["load", "LoadResult", "Project", "ArgMap", "Node", "Ref", "__version__"]
__version__ = "0.1.0"
