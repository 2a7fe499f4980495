import { mount } from '@vue/test-utils'
import UserAvatar from '../UserAvatar.vue'

test('user-avatar mounts', () => {
  expect(mount(UserAvatar).exists()).toBe(true)
})
