const state = () => ({
  all: [],
  currentProduct: null,
})

const getters = {
  count: (state) => state.all.length,
}

const mutations = {
  setProducts(state, products) {
    state.all = products
  },
}

export default { namespaced: true, state, getters, mutations }
