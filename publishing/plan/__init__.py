"""Planning: which pages each site has in each language, at which address, in which language.

site plans the content pages of a territory and calls each section registered in
sections/ (Focus, directories, syntheses) to add its own pages and files. The result is a
publishing.model.SitePlan, generator-neutral: the MkDocs adapter writes it out. The sections'
HTML is written in the templates of theme/web/sections/, rendered by templates.
"""
