Page({
  data: { letters: ['a', 'b', 'c'] }
});
