// npm inflection's functions that loop over values the caller passes (see
// inflectionLoops in helpers_case.go). Evaluates to a function of the
// module object, returning them.
(function (inflector) {
  return {
    _apply_rules: function (str, rules, skip, override) {
      if (override) return override;
      if (inflector.indexOf(skip, str.toLowerCase()) > -1) return str;
      for (var i = 0, n = rules.length; i < n; i++) {
        if (str.match(rules[i][0])) {
          if (rules[i][1] !== undefined) str = str.replace(rules[i][0], rules[i][1]);
          break;
        }
      }
      return str;
    },
    indexOf: function (arr, item, from, compare) {
      var i = from ? from : -1;
      for (var n = arr.length; i < n; i++) {
        if (arr[i] === item || (compare && compare(arr[i], item))) return i;
      }
      return -1;
    },
    transform: function (str, names) {
      for (var i = 0, n = names.length; i < n; i++) {
        if (inflector.hasOwnProperty(names[i])) str = inflector[names[i]](str);
      }
      return str;
    },
  };
})
