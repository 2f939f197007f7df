if x:
    pass
  # odd comment
	pass
