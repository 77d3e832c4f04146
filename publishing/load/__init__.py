"""Reading and validating the repository's files into the model, once, at the edge.

Every problem goes into a Report with its file, line and fix; nothing is raised at an editor.
read_project (project) reads everything in the order of the data flow: territories and
communes (sites/), pages (content/), interface texts (theme/i18n/), directories, Focus,
syntheses. yamlio reads YAML keeping line numbers; schema holds the shapes of the files.
"""
