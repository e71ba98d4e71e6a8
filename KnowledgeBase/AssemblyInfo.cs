// The knowledge base's code arrives in the files beside this one.
