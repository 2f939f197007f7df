match -x: 2j
