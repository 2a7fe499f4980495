---
description: a template that only describes itself
owner: platform-team
---
nothing to do
