import a.*
