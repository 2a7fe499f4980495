---
to: src/store/modules/<%= name %>.js
---
const state = () => ({
  all: [],
  current<%= h.inflection.singularize(h.capitalize(name)) %>: null,
})

const getters = {
  count: (state) => state.all.length,
}

const mutations = {
  set<%= h.capitalize(name) %>(state, <%= name %>) {
    state.all = <%= name %>
  },
}

export default { namespaced: true, state, getters, mutations }
