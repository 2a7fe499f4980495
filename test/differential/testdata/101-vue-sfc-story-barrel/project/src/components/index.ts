import BaseButton from './BaseButton.vue'

export { BaseButton }
