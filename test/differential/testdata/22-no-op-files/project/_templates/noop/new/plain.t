no frontmatter at all: <%= name %>
