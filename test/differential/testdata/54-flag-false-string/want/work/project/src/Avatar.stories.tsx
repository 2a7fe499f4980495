// withStory=false (string)
export default { title: 'Avatar' };
