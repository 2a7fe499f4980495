---
to: out/<%= h.path.basename(name, h.path.extname(name)) %>.path.txt
---
join=<%= h.path.join('a', '../b', './c/', 'd.ts') %>
basename=<%= h.path.basename(name) %> without ext=<%= h.path.basename(name, '.tsx') %>
dirname=<%= h.path.dirname(name) %> extname=<%= h.path.extname(name) %> dotfile ext=<%= h.path.extname('.env') %>
relative=<%= h.path.relative('src/components', 'src/lib/util.ts') %>
resolve=<%= h.path.relative(cwd, h.path.resolve('src', '../lib', 'x.ts')) %>
normalize=<%= h.path.normalize('a//b/../c/./d/') %> isAbsolute=<%= h.path.isAbsolute('/x') %>,<%= h.path.isAbsolute('x') %>
parse=<%= JSON.stringify(h.path.parse(name)) %> object=<%= h.path.parse(name) %>
sep=<%= h.path.sep %>
capitalize=<%= h.capitalize('hello world') %>|<%= h.capitalize('éclair') %>|<%= h.capitalize('') %>|<%= h.capitalize(42) %>|<%= h.capitalize(null) %>|<%= h.capitalize(['x', 'y']) %>
