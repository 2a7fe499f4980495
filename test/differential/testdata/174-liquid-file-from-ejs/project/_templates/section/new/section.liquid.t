---
to: sections/<%= name %>.liquid
---
<div class="<%= h.changeCase.param(name) %>">
  <h2>{{ section.settings.title | escape }}</h2>
  {% for block in section.blocks %}{{ block.settings.text }}{% endfor %}
</div>
{% schema %}{"name": "<%= h.changeCase.title(name) %>"}{% endschema %}
