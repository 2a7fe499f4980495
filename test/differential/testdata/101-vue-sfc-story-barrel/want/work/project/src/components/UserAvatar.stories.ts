import UserAvatar from './UserAvatar.vue'

export default { title: 'User Avatar', component: UserAvatar }
export const Default = () => ({ components: { UserAvatar }, template: '<UserAvatar :size="48" />' })
