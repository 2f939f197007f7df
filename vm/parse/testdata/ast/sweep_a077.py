x = (  # comment
    1
)
