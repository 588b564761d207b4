// A behavior in the style of miniprogram-computed: its definitionFilter turns a `computed` section of the
// definition using it into data plus an observer.
module.exports = Behavior({
  definitionFilter(defFields) {
    const computed = defFields.computed || {};
    defFields.data = defFields.data || {};
    defFields.observers = defFields.observers || {};
    Object.keys(computed).forEach((key) => {
      const fn = computed[key];
      defFields.data[key] = fn(defFields.data);
      defFields.observers['**'] = function () {
        const value = fn(this.data);
        if (value !== this.data[key]) this.setData({ [key]: value });
      };
    });
  }
});
