x = rb'\''
