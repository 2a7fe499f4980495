import BaseButton from './BaseButton.vue'
import UserAvatar from './UserAvatar.vue'

export { BaseButton }
