// Renders its slot once shown (by its own setData, as a popup does after its transition starts)
Component({ data: { shown: false } });
